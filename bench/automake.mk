# Rules for bench; filled in by its feature.

# ovn-northd: from-scratch and per-port-add time on generated NBs.
#   abs_top_builddir=$PWD bench/northd-bench.py --sizes 1000,10000,25000
EXTRA_DIST += bench/northd-bench.py

# Rules for bench; filled in by its feature.

#!/bin/bash
# dev.sh: one entry point for a fresh Debian 12 machine, run as root from a
# clean clone.
#
#   build-aux/dev.sh demo    install what is missing, build, start the demo
#   build-aux/dev.sh check   install what is missing, build, run every test
#   build-aux/dev.sh build   install what is missing and build
#   build-aux/dev.sh deps    install what is missing
#
# The build lives in _build/ (and _build-asan/ for the sanitizer run of the
# unit tests); Open vSwitch 3.1's libraries are prepared once in _build/ovs/.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
jobs=$(nproc 2>/dev/null || echo 2)

# Debian packages needed to build, test and run the demo.
PACKAGES="build-essential autoconf automake libtool pkg-config ccache
openvswitch-source libcap-ng-dev libunbound-dev libssl-dev libevent-dev
libjansson-dev libcmocka-dev openvswitch-switch openvswitch-common
python3 iproute2 iputils-ping tcpdump clang libclang-rt-14-dev valgrind
ovn-common ovn-central ovn-host"

# Installs whatever of $PACKAGES is missing.
deps() {
    local missing=
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" \
            || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        echo "dev.sh: installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        # Keep package scripts from starting system-wide OVS/OVN services.
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        apt-get install -y -q --no-install-recommends $missing >/dev/null
        rm -f /usr/sbin/policy-rc.d
    fi
}

# Configures (once) and builds in directory $1 with extra configure args.
build_in() {
    local dir=$1; shift
    export CCACHE_NOHASHDIR=1
    if [ ! -x configure ] || [ configure.ac -nt configure ]; then
        ./boot.sh
    fi
    mkdir -p "$dir"
    if [ ! -f "$dir/Makefile" ]; then
        (cd "$dir" && "$top/configure" CC="ccache gcc" "$@" >configure.out) \
            || { tail -20 "$dir/configure.out"; exit 1; }
    fi
    make -C "$dir" -j"$jobs" >"$dir/make.out" 2>&1 \
        || { tail -40 "$dir/make.out"; echo "dev.sh: build failed in $dir"; exit 1; }
}

build() {
    deps
    local t0=$(date +%s)
    build_in _build --enable-Werror
    echo "dev.sh: built in _build/ ($(( $(date +%s) - t0 )) s)"
}

case ${1:-} in
    deps) deps ;;
    build) build ;;
    demo)
        build
        exec "$top/utilities/ovn-demo.sh" start "$top/_build"
        ;;
    check)
        build
        make -C _build -j"$jobs" check-programs >>_build/make.out 2>&1 \
            || { tail -40 _build/make.out; exit 1; }
        # The unit tests are built a second time with AddressSanitizer and
        # UBSan; the runner runs them from both builds.
        build_in _build-asan --enable-Werror --enable-asan \
            --with-ovs-source="$top/_build/ovs/src" \
            --with-ovs-build="$top/_build/ovs/build"
        make -C _build-asan -j"$jobs" check-programs >>_build-asan/make.out 2>&1 \
            || { tail -40 _build-asan/make.out; exit 1; }
        exec env abs_top_srcdir="$top" abs_top_builddir="$top/_build" \
            OVS_SRCDIR="$top/_build/ovs/src" OVS_BUILDDIR="$top/_build/ovs/build" \
            ASAN_BUILDDIR="$top/_build-asan" bash "$top/tests/run-tests.sh"
        ;;
    *)
        echo "usage: $0 demo|check|build|deps" >&2
        exit 2
        ;;
esac

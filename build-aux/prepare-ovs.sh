#!/bin/sh
# prepare-ovs.sh SRCDIR BUILDDIR [TARBALL]
#
# Prepares the Open vSwitch 3.1 libraries that OVN-style code links against:
# extracts Debian's openvswitch-source tarball into SRCDIR (when SRCDIR has
# no configure script yet), configures it in BUILDDIR with Debian's paths and
# builds only the pieces we need.  Does nothing when the stamp file says the
# same tarball was already built.
set -e
srcdir=$1
builddir=$2
tarball=${3:-/usr/src/openvswitch/openvswitch.tar.gz}
stamp=$builddir/.ovn-prepared

if [ ! -f "$tarball" ] && [ ! -f "$srcdir/configure" ]; then
    echo "prepare-ovs: $tarball missing; apt-get install openvswitch-source" >&2
    exit 1
fi
sum=none
if [ -f "$tarball" ]; then
    sum=$(md5sum < "$tarball" | cut -d' ' -f1)
fi
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    exit 0
fi

if [ ! -f "$srcdir/configure" ]; then
    mkdir -p "$srcdir"
    tar -xzf "$tarball" -C "$srcdir" --strip-components=1
fi
srcdir=$(cd "$srcdir" && pwd)
mkdir -p "$builddir"
cd "$builddir"
if command -v ccache >/dev/null 2>&1; then
    CC="ccache ${CC:-gcc}"
    CCACHE_NOHASHDIR=1
    export CC CCACHE_NOHASHDIR
fi
if [ ! -f Makefile ]; then
    PYTHON3=/usr/bin/python3 "$srcdir/configure" --prefix=/usr \
        --localstatedir=/var --sysconfdir=/etc --enable-ssl \
        CFLAGS="-g -O2 -fPIC" >configure.log 2>&1 \
        || { tail -30 configure.log; exit 1; }
fi
jobs=$(nproc 2>/dev/null || echo 2)
# Generated headers first: a targeted make does not produce them itself.
make -j"$jobs" include/odp-netlink.h include/odp-netlink-macros.h \
    lib/vswitch-idl.c lib/vswitch-idl.h lib/ovsdb-server-idl.c \
    lib/ovsdb-server-idl.h >build.log 2>&1 || { tail -30 build.log; exit 1; }
make -j"$jobs" lib/libopenvswitch.la ovsdb/libovsdb.la ovsdb/ovsdb-idlc \
    >>build.log 2>&1 || { tail -30 build.log; exit 1; }
echo "$sum" > "$stamp"

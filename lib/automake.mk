# lib/: code shared by northd, controller and the CLIs.

noinst_LIBRARIES += lib/libovn.a
lib_libovn_a_SOURCES = \
	lib/ovn-addr.c \
	lib/ovn-addr.h \
	lib/ovn-dirs.c \
	lib/ovn-dirs.h
nodist_lib_libovn_a_SOURCES = \
	lib/ovn-nb-idl.c \
	lib/ovn-nb-idl.h \
	lib/ovn-sb-idl.c \
	lib/ovn-sb-idl.h

BUILT_SOURCES += lib/ovn-nb-idl.h lib/ovn-sb-idl.h lib/ovn-nb-idl.c lib/ovn-sb-idl.c
CLEANFILES += lib/ovn-nb-idl.c lib/ovn-nb-idl.h lib/ovn-nb-idl.ovsidl \
	lib/ovn-sb-idl.c lib/ovn-sb-idl.h lib/ovn-sb-idl.ovsidl
EXTRA_DIST += lib/ovn-nb-idl.ann lib/ovn-sb-idl.ann

# IDL bindings generated from our schemas by OVS's ovsdb-idlc.
lib/%-idl.ovsidl: $(top_srcdir)/schemas/%.ovsschema $(top_srcdir)/lib/%-idl.ann $(OVS_STAMP)
	$(AM_V_GEN)$(MKDIR_P) lib && $(OVSDB_IDLC) annotate $< \
		$(top_srcdir)/lib/$*-idl.ann > $@.tmp && mv $@.tmp $@
lib/%-idl.c: lib/%-idl.ovsidl
	$(AM_V_GEN)$(OVSDB_IDLC) c-idl-source $< > $@.tmp && mv $@.tmp $@
lib/%-idl.h: lib/%-idl.ovsidl
	$(AM_V_GEN)$(OVSDB_IDLC) c-idl-header $< > $@.tmp && mv $@.tmp $@

pkgdata_DATA += schemas/ovn-nb.ovsschema schemas/ovn-sb.ovsschema
EXTRA_DIST += schemas/ovn-nb.ovsschema schemas/ovn-sb.ovsschema \
	schemas/man2schema.py tests/schema-compare.py

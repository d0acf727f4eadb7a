# Logical-flow language: lexer, symbol table, match expressions, actions,
# and the glue that compiles a logical flow into OpenFlow flows.
# Shared by helpers "expr" (this block) and "actions" (its own block below).

noinst_LIBRARIES += lib/libovnlflow.a
lib_libovnlflow_a_SOURCES = \
	lib/ovn-lex.c \
	lib/ovn-lex.h \
	lib/ovn-symtab.c \
	lib/ovn-symtab.h \
	lib/ovn-expr.c \
	lib/ovn-expr.h \
	lib/ovn-expr-private.h \
	lib/ovn-expr-parse.c \
	lib/ovn-expr-simplify.c \
	lib/ovn-expr-normalize.c \
	lib/ovn-expr-matches.c \
	lib/ovn-lflow-compile.c \
	lib/ovn-lflow-compile.h

# Developer CLI: shows each step of compiling a match.
noinst_PROGRAMS += tests/ovn-expr-tool
tests_ovn_expr_tool_SOURCES = tests/ovn-expr-tool.c
tests_ovn_expr_tool_LDADD = lib/libovnlflow.a $(OVS_LIBS)

# Benchmark: compiling ACL matches with large address sets.
noinst_PROGRAMS += bench/bench-expr
bench_bench_expr_SOURCES = bench/bench-expr.c
bench_bench_expr_LDADD = lib/libovnlflow.a $(OVS_LIBS)

# Fuzzing (built by tests/e2e/fuzz-expr.sh with clang).
EXTRA_DIST += tests/fuzz/fuzz-expr.c tests/fuzz/expr-seeds.txt

# ---- expr: unit tests ------------------------------------------------------
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-lex
tests_unit_test_lex_SOURCES = tests/unit/test-lex.c
tests_unit_test_lex_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_lex_LDADD = lib/libovnlflow.a $(OVS_LIBS) $(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test-expr
tests_unit_test_expr_SOURCES = tests/unit/test-expr.c \
	tests/unit/test-expr-cases.h
tests_unit_test_expr_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_expr_LDADD = lib/libovnlflow.a $(OVS_LIBS) $(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test-expr-property
tests_unit_test_expr_property_SOURCES = tests/unit/test-expr-property.c
tests_unit_test_expr_property_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_expr_property_LDADD = lib/libovnlflow.a $(OVS_LIBS) \
	$(CMOCKA_LIBS)
endif

# ---- actions: action parser/encoder (helper "actions") ---------------------
lib_libovnlflow_a_SOURCES += \
	lib/ovn-actions.c \
	lib/ovn-actions.h \
	lib/ovn-actions-encode.c \
	lib/ovn-actions-ids.c \
	lib/ovn-actions-ids.h \
	lib/ovn-actions-opts.c \
	lib/ovn-actions-parse.c \
	lib/ovn-actions-pinctrl.c \
	lib/ovn-actions-private.h \
	lib/ovn-pinctrl-ops.c \
	lib/ovn-pinctrl-ops.h

# ---- actions: unit tests ---------------------------------------------------
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-actions
tests_unit_test_actions_SOURCES = tests/unit/test-actions.c \
	tests/unit/test-actions-ok.h tests/unit/test-actions-err.h
tests_unit_test_actions_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_actions_LDADD = lib/libovnlflow.a $(OVS_LIBS) $(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test-actions-northd
tests_unit_test_actions_northd_SOURCES = tests/unit/test-actions-northd.c
tests_unit_test_actions_northd_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_actions_northd_LDADD = lib/libovnlflow.a $(OVS_LIBS) \
	$(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test-actions-lflows
tests_unit_test_actions_lflows_SOURCES = tests/unit/test-actions-lflows.c
tests_unit_test_actions_lflows_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_SRCDIR='"$(abs_top_srcdir)"'
tests_unit_test_actions_lflows_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_actions_lflows_LDADD = lib/libovnlflow.a $(OVS_LIBS) \
	$(CMOCKA_LIBS)
endif
EXTRA_DIST += tests/unit/test-actions-lflows.tsv
EXTRA_DIST += tests/fuzz/fuzz-actions.c tests/fuzz/actions-seeds.txt

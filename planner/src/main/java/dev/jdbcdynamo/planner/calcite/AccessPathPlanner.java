package dev.jdbcdynamo.planner.calcite;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.AccessPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.common.collect.ImmutableList;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Chooses a statement's access path with Calcite: the key-related conjuncts of the WHERE clause
 * become a filter over the table's scan (values as dynamic parameters), an ORDER BY on the keys a
 * sort, and a HepPlanner runs the key rules over that plan. What the rules could not absorb comes
 * back as the residual, still in DynamoDB's AST, to be evaluated with DynamoDB's semantics.
 */
public final class AccessPathPlanner {
    /** Types are interned by the factory; one factory serves every plan. */
    private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl();
    private static final RelBuilderFactory BUILDERS = RelBuilder.proto(
            Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false).withPruneInputOfAggregate(false)));
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private AccessPathPlanner() {
    }

    /**
     * Plans a synthetic statement once per JVM on a daemon thread, so that Calcite's class
     * loading and code generation (about a second) happen at connect, not on the first query.
     */
    public static void warmUpInBackground() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            TableDef table = new TableDef(0, "warm_up", new KeyAttribute("p", dev.jdbcdynamo.planner.catalog.KeyType.S),
                    new KeyAttribute("s", dev.jdbcdynamo.planner.catalog.KeyType.N), List.of(), List.of(), 1);
            Expr.PathRef p = new Expr.PathRef(Path.of("p"), dev.jdbcdynamo.planner.ast.Pos.UNKNOWN);
            Expr.PathRef s = new Expr.PathRef(Path.of("s"), dev.jdbcdynamo.planner.ast.Pos.UNKNOWN);
            Expr value = new Expr.Parameter(0, dev.jdbcdynamo.planner.ast.Pos.UNKNOWN);
            plan(table, List.of(new Expr.Compare(Expr.CompareOp.EQ, p, value, p.pos()),
                    new Expr.Compare(Expr.CompareOp.GT, s, value, s.pos())), Boolean.TRUE);
        }, "jdbc-dynamo-calcite-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The chosen path, the conjuncts left to evaluate per item, whether an ORDER BY was absorbed
     * by the path, and Calcite's plan text (for EXPLAIN and golden tests).
     */
    public record Result(AccessPath path, List<Expr> residual, boolean orderSatisfied, String relPlan) {
        public Result {
            residual = List.copyOf(residual);
        }
    }

    /** Sort direction of an ORDER BY on the keys; null when the statement has none. */
    public static Result plan(TableDef table, List<Expr> conjuncts, Boolean sortDescending) {
        // A cluster of our own per statement, without Frameworks' prepare machinery: the scan is
        // pushed directly, so no catalog reader or Volcano planner is built for each new plan.
        List<Expr> values = new ArrayList<>();
        HepPlanner planner = new HepPlanner(new HepProgramBuilder()
                .addRuleInstance(KeyConditionRule.create(values))
                .addRuleInstance(FullScanRule.create())
                .addRuleInstance(SortKeyOrderRule.create())
                .build());
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(TYPES));
        DynamoRelTable relTable = new DynamoRelTable(table);
        RelOptTable optTable = RelOptTableImpl.create(null, relTable.getRowType(TYPES), relTable,
                ImmutableList.of(table.name()));
        RelBuilder builder = BUILDERS.create(cluster, null);
        builder.push(new DynamoTableScan(cluster, optTable, table));

        Translation translation = new Translation(table, builder, values);
        List<Expr> residual = new ArrayList<>();
        List<RexNode> keyConditions = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            List<RexNode> rex = translation.translate(conjunct);
            if (rex == null) {
                residual.add(conjunct);
            } else {
                keyConditions.addAll(rex);
            }
        }
        if (!keyConditions.isEmpty()) {
            builder.filter(keyConditions);
        }
        if (sortDescending != null && table.hasSortKey()) {
            builder.sort(sortDescending ? builder.desc(builder.field(1)) : builder.field(1));
        }
        planner.setRoot(builder.build());
        return interpret(planner.findBestExp(), translation, residual, sortDescending);
    }

    private static Result interpret(RelNode best, Translation translation, List<Expr> residual, Boolean order) {
        String text = RelOptUtil.toString(best).trim();
        RelNode node = best;
        boolean orderSatisfied = order == null;
        if (node instanceof Sort sort) {
            node = sort.getInput();
        } else {
            orderSatisfied = true;
        }
        Set<Expr> left = new LinkedHashSet<>(residual);
        if (node instanceof Filter filter) {
            for (RexNode rex : RelOptUtil.conjunctions(filter.getCondition())) {
                left.add(translation.origin.get(rex.toString()));
            }
            node = filter.getInput();
        }
        if (!(node instanceof DynamoKeyAccess access)) {
            throw new AssertionError("the key rules left no access path in\n" + text);
        }
        return new Result(access.path(), new ArrayList<>(left), orderSatisfied, text);
    }

    /** Builds Rex for key conjuncts; values become dynamic parameters indexing {@link #values}. */
    private static final class Translation {
        final List<Expr> values;
        final Map<String, Expr> origin = new LinkedHashMap<>();
        private final TableDef table;
        private final RelBuilder builder;
        private final RexBuilder rex;

        Translation(TableDef table, RelBuilder builder, List<Expr> values) {
            this.values = values;
            this.table = table;
            this.builder = builder;
            this.rex = builder.getRexBuilder();
        }

        /** The Rex conjuncts of a key conjunct, or null when it is not about the keys. */
        List<RexNode> translate(Expr conjunct) {
            List<RexNode> out = partition(conjunct);
            if (out == null && table.hasSortKey()) {
                out = sort(conjunct);
            }
            if (out != null) {
                out.forEach(r -> origin.put(r.toString(), conjunct));
            }
            return out;
        }

        private List<RexNode> partition(Expr e) {
            if (e instanceof Expr.Compare c && c.op() == Expr.CompareOp.EQ) {
                Expr v = valueAgainst(c.left(), c.right(), table.partitionKey());
                return v == null ? null : List.of(builder.equals(builder.field(0), param(v, table.partitionKey())));
            }
            if (e instanceof Expr.In in && isKey(in.value(), table.partitionKey())
                    && in.candidates().stream().allMatch(AccessPathPlanner::isValue) && !in.candidates().isEmpty()) {
                List<RexNode> ors = new ArrayList<>();
                in.candidates().forEach(v -> ors.add(builder.equals(builder.field(0), param(v, table.partitionKey()))));
                return List.of(ors.size() == 1 ? ors.get(0) : builder.or(ors));
            }
            if (e instanceof Expr.Or or) {
                List<RexNode> l = partition(or.left());
                List<RexNode> r = l == null ? null : partition(or.right());
                return r == null ? null : List.of(builder.or(l.get(0), r.get(0)));
            }
            return null;
        }

        private List<RexNode> sort(Expr e) {
            KeyAttribute sk = table.sortKey();
            RexNode field = builder.field(1);
            if (e instanceof Expr.Compare c && c.op() != Expr.CompareOp.NE) {
                Expr v = valueAgainst(c.left(), c.right(), sk);
                if (v == null) {
                    return null;
                }
                Expr.CompareOp op = isKey(c.left(), sk) ? c.op() : flip(c.op());
                RexNode p = param(v, sk);
                RexNode r = switch (op) {
                    case EQ -> builder.equals(field, p);
                    case LT -> builder.lessThan(field, p);
                    case LE -> builder.lessThanOrEqual(field, p);
                    case GT -> builder.greaterThan(field, p);
                    case GE -> builder.greaterThanOrEqual(field, p);
                    case NE -> throw new AssertionError("NE is never a key condition");
                };
                return List.of(r);
            }
            if (e instanceof Expr.Between b && isKey(b.value(), sk) && isValue(b.low()) && isValue(b.high())) {
                return List.of(builder.greaterThanOrEqual(field, param(b.low(), sk)),
                        builder.lessThanOrEqual(field, param(b.high(), sk)));
            }
            if (e instanceof Expr.Call call && call.name().equals("begins_with") && call.args().size() == 2
                    && isKey(call.args().get(0), sk) && isValue(call.args().get(1))) {
                return List.of(builder.call(KeyFunctions.BEGINS_WITH, field, param(call.args().get(1), sk)));
            }
            return null;
        }

        private RexNode param(Expr value, KeyAttribute key) {
            values.add(value);
            return rex.makeDynamicParam(DynamoRelTable.typeOf(rex.getTypeFactory(), key), values.size() - 1);
        }

        private static Expr valueAgainst(Expr left, Expr right, KeyAttribute key) {
            if (isKey(left, key) && isValue(right)) {
                return right;
            }
            if (isKey(right, key) && isValue(left)) {
                return left;
            }
            return null;
        }

        private static Expr.CompareOp flip(Expr.CompareOp op) {
            return switch (op) {
                case LT -> Expr.CompareOp.GT;
                case LE -> Expr.CompareOp.GE;
                case GT -> Expr.CompareOp.LT;
                case GE -> Expr.CompareOp.LE;
                case EQ, NE -> op;
            };
        }
    }

    static boolean isKey(Expr expr, KeyAttribute key) {
        if (expr instanceof Expr.PathRef ref) {
            Path path = ref.path();
            return path.isTopLevel() && path.root().equals(key.name());
        }
        return false;
    }

    static boolean isValue(Expr expr) {
        return expr instanceof Expr.Literal || expr instanceof Expr.Parameter;
    }
}

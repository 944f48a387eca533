package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The value of a SET action: what DynamoDB allows there (paths, constants, {@code +} and
 * {@code -}, {@code list_append}, {@code if_not_exists}, and {@code set_add} / {@code set_delete}
 * as the whole value on the path they change) and its evaluation, every operand computed.
 */
final class UpdateValues {
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("size", "begins_with", "contains",
            "attribute_exists", "attribute_not_exists", "attribute_type");

    private UpdateValues() {
    }

    static void validate(Statement.SetAction set) {
        Expr value = set.value();
        if (value instanceof Expr.Call call && isSetFunction(call.name())) {
            validateSetFunction(set.path(), call);
        } else {
            validateOperand(value);
        }
    }

    private static boolean isSetFunction(String name) {
        return name.equals("set_add") || name.equals("set_delete");
    }

    private static void validateSetFunction(Path target, Expr.Call call) {
        String name = call.name().toUpperCase(Locale.ROOT);
        if (call.args().size() != 2) {
            throw ErrorCode.VALIDATION.error(name + " must have exactly two arguments at "
                    + at(call.pos(), call.name().length()));
        }
        Expr first = call.args().get(0);
        if (!(first instanceof Expr.PathRef ref) || !ref.path().equals(target)) {
            throw ErrorCode.VALIDATION.error("The first argument to " + name + " must equal the assignment value");
        }
        Expr second = call.args().get(1);
        boolean set = second instanceof Expr.SetExpr || second instanceof Expr.Parameter
                || second instanceof Expr.Literal literal && isSet(literal.value());
        if (!set) {
            throw ErrorCode.VALIDATION.error("The second argument to " + name + " must be a value with type SET at "
                    + at(first.pos(), ref.path().toString().length()));
        }
    }

    private static void validateOperand(Expr value) {
        if (value instanceof Expr.Negate) {
            throw ErrorCode.VALIDATION.error("Incorrect number of operands for operator or function; "
                    + "operator or function: -, number of operands: 1");
        } else if (value instanceof Expr.Arithmetic a) {
            if (a.op() == Expr.ArithmeticOp.MULTIPLY || a.op() == Expr.ArithmeticOp.DIVIDE) {
                throw ErrorCode.VALIDATION.error("Unsupported operator in Update Expression. Operator: "
                        + a.op().symbol());
            }
            validateOperand(a.left());
            validateOperand(a.right());
            literalType(a.op().symbol(), a.left(), "N");
            literalType(a.op().symbol(), a.right(), "N");
        } else if (value instanceof Expr.Call call) {
            validateCall(call);
        }
    }

    private static void validateCall(Expr.Call call) {
        String name = call.name();
        if (name.equals("list_append") || name.equals("if_not_exists")) {
            ExpressionEvaluator.arity(call, 2);
            call.args().forEach(UpdateValues::validateOperand);
            if (name.equals("if_not_exists") && !(call.args().get(0) instanceof Expr.PathRef)) {
                throw ErrorCode.VALIDATION.error("Operator or function requires a document path; "
                        + "operator or function: if_not_exists");
            }
            if (name.equals("list_append")) {
                literalType(name, call.args().get(0), "L");
                literalType(name, call.args().get(1), "L");
            }
        } else if (CONDITION_FUNCTIONS.contains(name)) {
            throw ErrorCode.VALIDATION.error("The function is not allowed in an update expression; function: " + name);
        } else {
            throw ErrorCode.VALIDATION.error("Unrecognized function: " + name);
        }
    }

    private static void literalType(String operator, Expr operand, String type) {
        if (operand instanceof Expr.Literal literal) {
            ExpressionEvaluator.requireConstantType(operator, operand, literal.value(), type);
        }
    }

    /** The value to write; null when set_delete took every element (the attribute goes away). */
    static AttributeValue evaluate(Expr value, Map<String, AttributeValue> item, List<AttributeValue> params) {
        if (value instanceof Expr.Call call && isSetFunction(call.name())) {
            AttributeValue set = ExpressionEvaluator.evaluate(call.args().get(0), item, params);
            AttributeValue change = ExpressionEvaluator.evaluate(call.args().get(1), item, params);
            return call.name().equals("set_add")
                    ? ExpressionEvaluator.SetValues.add(set, change)
                    : ExpressionEvaluator.SetValues.delete(set, change);
        }
        AttributeValue v = ExpressionEvaluator.evaluate(value, item, params);
        if (v == null) {
            throw ErrorCode.VALIDATION.error(UpdateApplier.NO_SUCH_ATTRIBUTE);
        }
        return v;
    }

    private static boolean isSet(AttributeValue v) {
        return v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS;
    }

    /** A position as DynamoDB prints it in these messages: {@code line:column:length}. */
    private static String at(Pos pos, int length) {
        return pos.line() + ":" + pos.column() + ":" + length;
    }
}

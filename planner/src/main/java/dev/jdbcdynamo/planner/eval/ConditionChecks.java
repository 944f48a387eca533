package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoNumber;
import java.util.List;

/**
 * The checks DynamoDB makes on a condition before it reads any item, with its messages: constant
 * operands of the right type, a first operand distinct from the others, BETWEEN bounds of one type
 * in order, document paths where a function needs one, and a boolean shape.
 */
public final class ConditionChecks {
    static final String VALID_TYPES = "{N,BS,L,B,NULL,M,S,SS,NS,BOOL}";
    /** DynamoDB Local's own wording when the type argument of attribute_type is a path. */
    private static final String PATH_TYPE_OPERAND = "{HDS,FS,DOUBLE,INT,DOUBLESET,FLOAT,M,S,DICT,SS,NULL,BOOL,B,"
            + "DECIMALSET,DECIMAL,NS,L,HD,N,BS,INTSET}";

    private ConditionChecks() {
    }

    /** The whole-condition shape: a predicate at the top and under AND, OR and NOT. */
    static void shape(Expr condition) {
        if (!isPredicate(condition)) {
            throw ErrorCode.VALIDATION.error("WHERE clause must contain an expression that resolves to a boolean");
        }
        shapeBelow(condition);
    }

    private static void shapeBelow(Expr e) {
        if (e instanceof Expr.And and) {
            andOr(and.left(), and.right());
        } else if (e instanceof Expr.Or or) {
            andOr(or.left(), or.right());
        } else if (e instanceof Expr.Not not) {
            if (!isPredicate(not.operand())) {
                throw ErrorCode.VALIDATION.error("The argument to NOT must be a Type or Expression");
            }
            shapeBelow(not.operand());
        }
    }

    private static void andOr(Expr left, Expr right) {
        if (!isPredicate(left) || !isPredicate(right)) {
            throw ErrorCode.VALIDATION.error("The arguments to AND/OR must be Expressions");
        }
        shapeBelow(left);
        shapeBelow(right);
    }

    private static boolean isPredicate(Expr e) {
        if (e instanceof Expr.Call call) {
            return !call.name().equals("size") && !ExpressionEvaluator.isValueFunctionName(call.name());
        }
        return e instanceof Expr.Compare || e instanceof Expr.Between || e instanceof Expr.In
                || e instanceof Expr.And || e instanceof Expr.Or || e instanceof Expr.Not
                || e instanceof Expr.IsCheck || e instanceof Expr.Exists;
    }

    /** The first operand, when a path, may not reappear among the others. */
    static void distinct(String operator, Expr first, List<Expr> others) {
        if (!(first instanceof Expr.PathRef ref)) {
            return;
        }
        for (Expr other : others) {
            if (other instanceof Expr.PathRef o && o.path().equals(ref.path())) {
                throw ErrorCode.VALIDATION.error("The first operand must be distinct from the remaining operands "
                        + "for this operator or function; operator: " + operator + ", first operand: "
                        + PathOverlap.text(ref.path()));
            }
        }
    }

    /** Constant operands of an ordering (<, <=, >, >=, BETWEEN) must be S, N or B. */
    public static void orderable(String operator, Expr operand, AttributeValue value) {
        ExpressionEvaluator.requireConstantType(operator, operand, value, "S", "N", "B");
    }

    /** Constant BETWEEN bounds: one type, the lower not above the upper. */
    public static void bounds(Expr lowExpr, AttributeValue low, Expr highExpr, AttributeValue high) {
        if (!ExpressionEvaluator.isConstant(lowExpr) || !ExpressionEvaluator.isConstant(highExpr)
                || low == null || high == null) {
            return;
        }
        String operands = "; lower bound operand: AttributeValue: " + brief(low)
                + ", upper bound operand: AttributeValue: " + brief(high);
        if (!low.type().equals(high.type())) {
            throw ErrorCode.VALIDATION.error(
                    "The BETWEEN operator requires same data type for lower and upper bounds" + operands);
        }
        Integer order = ValueOrder.compare(low, high);
        if (order != null && order > 0) {
            throw ErrorCode.VALIDATION.error(
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound" + operands);
        }
    }

    /** DynamoDB's short form of a bound in messages ({@code {N:50}}; binaries as Java prints a buffer). */
    private static String brief(AttributeValue v) {
        String text;
        if (v instanceof AttributeValue.S s) {
            text = s.value();
        } else if (v instanceof AttributeValue.N n) {
            text = DynamoNumber.toText(n.value());
        } else if (v instanceof AttributeValue.B b) {
            text = "java.nio.HeapByteBuffer[pos=0 lim=" + b.value().length() + " cap=" + b.value().length() + "]";
        } else {
            text = String.valueOf(v);
        }
        return "{" + v.type() + ":" + text + "}";
    }

    /** attribute_exists, attribute_not_exists and IS [NOT] MISSING need a document path. */
    static void requirePath(String function, Expr operand) {
        if (!(operand instanceof Expr.PathRef)) {
            throw ErrorCode.VALIDATION.error("Operator or function requires a document path; operator or function: "
                    + function);
        }
    }

    /** The type argument of attribute_type: a constant string naming one of DynamoDB's ten types. */
    static String typeName(Expr operand, AttributeValue value) {
        if (operand instanceof Expr.PathRef) {
            throw incorrectOperand("attribute_type", PATH_TYPE_OPERAND);
        }
        if (!(value instanceof AttributeValue.S s)) {
            throw incorrectOperand("attribute_type", value == null ? "MISSING" : value.type());
        }
        if (!ConditionEvaluator.TYPES.contains(s.value())) {
            throw ErrorCode.VALIDATION.error("Invalid attribute type name found; type: " + s.value()
                    + ", valid types: " + VALID_TYPES);
        }
        return s.value();
    }

    static RuntimeException incorrectOperand(String function, String type) {
        return ErrorCode.VALIDATION.error("Incorrect operand type for operator or function; operator or function: "
                + function + ", operand type: " + type);
    }
}

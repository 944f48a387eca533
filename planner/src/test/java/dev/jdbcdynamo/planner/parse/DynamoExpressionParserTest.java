package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.eval.DocumentProjection;
import dev.jdbcdynamo.planner.eval.UpdateApplier;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DynamoDB's expressions parsed onto the planner's AST and run by its one evaluator. */
class DynamoExpressionParserTest {
    private static final AttributeValue ONE = AttributeValue.N.of(1);
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "pk", new AttributeValue.S("k"), "count", AttributeValue.N.of(5),
            "doc", new AttributeValue.M(Map.of("a", new AttributeValue.S("x"), "b", ONE)),
            "list", new AttributeValue.L(List.of(ONE, AttributeValue.N.of(2), AttributeValue.N.of(3))));

    @Test
    void conditionWithNamesAndValuesIsEvaluatedByThePlannersEvaluator() {
        DynamoExpressionParser parser = new DynamoExpressionParser(Map.of("#c", "count"),
                Map.of(":lo", ONE, ":hi", AttributeValue.N.of(9), ":p", new AttributeValue.S("x")));
        Expr condition = parser.condition("#c BETWEEN :lo AND :hi AND (begins_with(doc.a, :p) AND attribute_exists(pk))");
        assertThat(ConditionEvaluator.test(condition, ITEM, List.of())).isTrue();
        assertThat(ConditionEvaluator.test(condition, Map.of(), List.of())).isFalse();
        assertThatThrownBy(() -> parser.condition("#c = :lo + :lo")).hasMessageContaining("Syntax error; token: \"+\"");
        parser.checkAllUsed();
    }

    @Test
    void undefinedAndUnusedPlaceholdersAreValidationErrors() {
        assertThatThrownBy(() -> new DynamoExpressionParser(null, null).condition("a = :missing"))
                .isInstanceOf(DynamoException.class).hasMessageContaining("attribute value: :missing");
        assertThatThrownBy(() -> new DynamoExpressionParser(null, null).condition("#n = a"))
                .isInstanceOf(DynamoException.class).hasMessageContaining("attribute name: #n");
        DynamoExpressionParser parser = new DynamoExpressionParser(Map.of("#x", "x"), Map.of(":v", ONE));
        parser.condition("a = :v");
        assertThatThrownBy(parser::checkAllUsed).hasMessageContaining("ExpressionAttributeNames unused in expressions: keys: {#x}");
    }

    @Test
    void updateClausesBecomeThePlannersActions() {
        DynamoExpressionParser parser = new DynamoExpressionParser(Map.of("#c", "count"),
                Map.of(":one", ONE, ":tags", new AttributeValue.SS(Set.of("t"))));
        List<Statement.UpdateAction> actions = parser.update("SET #c = #c + :one REMOVE doc.b ADD hits :one, tags :tags");
        UpdateApplier.Result applied = UpdateApplier.apply(ITEM, actions, List.of());
        assertThat(applied.item()).containsEntry("count", AttributeValue.N.of(6)).containsEntry("hits", ONE)
                .containsEntry("tags", new AttributeValue.SS(Set.of("t")))
                .containsEntry("doc", new AttributeValue.M(Map.of("a", new AttributeValue.S("x"))));
        assertThatThrownBy(() -> parser.update("SET a = :one SET b = :one"))
                .hasMessageContaining("can only be used once");
    }

    @Test
    void projectionKeepsTheDocumentShape() {
        List<Path> paths = new DynamoExpressionParser(Map.of("#d", "doc", "#l", "list"), null)
                .projection("#d.a, #l[2], #l[0], nope");
        assertThat(DocumentProjection.project(paths, ITEM)).isEqualTo(Map.of(
                "doc", new AttributeValue.M(Map.of("a", new AttributeValue.S("x"))),
                "list", new AttributeValue.L(List.of(ONE, AttributeValue.N.of(3)))));
    }
}

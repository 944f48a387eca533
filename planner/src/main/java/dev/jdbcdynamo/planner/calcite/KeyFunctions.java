package dev.jdbcdynamo.planner.calcite;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/** DynamoDB's key-condition functions as Calcite operators. */
final class KeyFunctions {
    /** {@code begins_with(sortKey, prefix)}: a prefix range on the sort key. */
    static final SqlFunction BEGINS_WITH = new SqlFunction("BEGINS_WITH", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BOOLEAN, null, OperandTypes.ANY_ANY, SqlFunctionCategory.USER_DEFINED_FUNCTION);

    private KeyFunctions() {
    }
}

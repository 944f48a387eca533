package dev.jdbcdynamo.planner.sql;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's types for DynamoDB numbers: decimals of DynamoDB's 38 significant digits (Calcite's
 * default stops at 19), so SUM, MIN and MAX of numbers stay exact decimals.
 */
public final class DynamoTypeSystem extends RelDataTypeSystemImpl {
    public static final DynamoTypeSystem INSTANCE = new DynamoTypeSystem();

    /** The scale of a NUMBER column: DynamoDB numbers may have digits after the point. */
    public static final int NUMBER_SCALE = 10;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
    }

    @Override
    public int getMaxNumericPrecision() {
        return 38;
    }

    @Override
    public int getMaxNumericScale() {
        return 38;
    }
}

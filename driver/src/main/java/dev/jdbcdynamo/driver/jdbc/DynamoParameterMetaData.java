package dev.jdbcdynamo.driver.jdbc;

import dev.jdbcdynamo.driver.error.JdbcWrapper;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.path.SortRange;
import java.math.BigDecimal;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code ?} markers of a prepared statement: their count, and the key type of those the plan
 * binds to a key attribute (S, N or B); any other marker takes any DynamoDB value (OTHER).
 */
final class DynamoParameterMetaData implements ParameterMetaData, JdbcWrapper {
    private final int count;
    private final Map<Integer, KeyType> keyTypes;

    private DynamoParameterMetaData(int count, Map<Integer, KeyType> keyTypes) {
        this.count = count;
        this.keyTypes = keyTypes;
    }

    static DynamoParameterMetaData of(Plan plan, int count) {
        Map<Integer, KeyType> types = new HashMap<>();
        // Other statements (INSERT, SQL extensions) bind their markers to values of any type.
        if (plan instanceof Plan.Select s) {
            path(s.path(), s.table().partitionKey(), s.table().sortKey(), types);
        } else if (plan instanceof Plan.Update u) {
            path(u.key(), u.table().partitionKey(), u.table().sortKey(), types);
        } else if (plan instanceof Plan.Delete d) {
            path(d.key(), d.table().partitionKey(), d.table().sortKey(), types);
        } else if (plan instanceof Plan.ConditionCheck c) {
            path(c.key(), c.table().partitionKey(), c.table().sortKey(), types);
        }
        return new DynamoParameterMetaData(count, types);
    }

    private static void path(AccessPath path, KeyAttribute partition, KeyAttribute sort, Map<Integer, KeyType> out) {
        // A scan binds no marker to a key.
        if (path instanceof AccessPath.GetItem g) {
            key(g.partitionValue(), partition, out);
            key(g.sortValue(), sort, out);
        } else if (path instanceof AccessPath.Query q) {
            key(q.partitionValue(), partition, out);
            range(q.range(), sort, out);
        } else if (path instanceof AccessPath.MultiQuery m) {
            m.partitionValues().forEach(v -> key(v, partition, out));
            range(m.range(), sort, out);
        } else if (path instanceof AccessPath.IndexQuery i) {
            path(i.path(), i.index().partitionKey(), i.index().sortKey(), out);
        }
    }

    private static void range(SortRange range, KeyAttribute sort, Map<Integer, KeyType> out) {
        if (range != null) {
            key(range.lower(), sort, out);
            key(range.upper(), sort, out);
            key(range.prefix(), sort, out);
        }
    }

    private static void key(Expr value, KeyAttribute attribute, Map<Integer, KeyType> out) {
        if (value instanceof Expr.Parameter p && attribute != null) {
            out.put(p.index(), attribute.type());
        }
    }

    private KeyType keyType(int param) throws SQLException {
        if (param < 1 || param > count) {
            throw new SQLException("Parameter index " + param + " is out of range; the statement has " + count
                    + " parameter(s)", "07009");
        }
        return keyTypes.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        keyType(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return keyType(param) == KeyType.N;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        keyType(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        keyType(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        KeyType type = keyType(param);
        if (type == null) {
            return Types.OTHER;
        }
        return switch (type) {
            case S -> Types.VARCHAR;
            case N -> Types.NUMERIC;
            case B -> Types.VARBINARY;
        };
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        KeyType type = keyType(param);
        return type == null ? "ANY" : type.ddlName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        KeyType type = keyType(param);
        if (type == null) {
            return Object.class.getName();
        }
        return switch (type) {
            case S -> String.class.getName();
            case N -> BigDecimal.class.getName();
            case B -> byte[].class.getName();
        };
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        keyType(param);
        return parameterModeIn;
    }
}

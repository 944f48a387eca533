package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Statement;

/** Prints the DDL statements of an AST back as text, for {@link AstPrinter}. */
final class DdlPrinter {
    private DdlPrinter() {
    }

    static String print(Statement s) {
        if (s instanceof Statement.CreateTable c) {
            String columns = AstPrinter.join(c.columns(), DdlPrinter::column);
            String indexes = c.indexes().isEmpty() ? "" : ", " + AstPrinter.join(c.indexes(), DdlPrinter::index);
            return "CREATE TABLE " + (c.ifNotExists() ? "IF NOT EXISTS " : "") + AstPrinter.name(c.name())
                    + " (" + columns + indexes + ")";
        } else if (s instanceof Statement.DropTable d) {
            return "DROP TABLE " + (d.ifExists() ? "IF EXISTS " : "") + AstPrinter.name(d.name());
        } else if (s instanceof Statement.CreateIndex c) {
            Statement.IndexDef i = c.index();
            return "CREATE GLOBAL INDEX " + AstPrinter.name(i.name()) + " ON " + AstPrinter.name(c.table())
                    + " (" + AstPrinter.join(i.keys(), AstPrinter::name) + ")" + projection(i);
        } else if (s instanceof Statement.DropIndex d) {
            return "DROP INDEX " + AstPrinter.name(d.index()) + " ON " + AstPrinter.name(d.table());
        }
        throw new AssertionError("unknown statement " + s);
    }

    private static String column(Statement.ColumnDef c) {
        String role = c.role() == Statement.KeyRole.NONE ? "" : " " + c.role() + " KEY";
        return AstPrinter.name(c.name()) + " " + c.type() + role;
    }

    private static String index(Statement.IndexDef i) {
        return (i.global() ? "GLOBAL" : "LOCAL") + " INDEX " + AstPrinter.name(i.name())
                + " (" + AstPrinter.join(i.keys(), AstPrinter::name) + ")" + projection(i);
    }

    private static String projection(Statement.IndexDef i) {
        if (i.projection() == Statement.Projection.INCLUDE) {
            return " PROJECTION INCLUDE (" + AstPrinter.join(i.include(), AstPrinter::name) + ")";
        }
        return " PROJECTION " + i.projection();
    }
}

package dev.jdbcdynamo.planner.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes DynamoDB JSON to a streaming generator, either as stored (insertion order) or canonical
 * (attribute names in UTF-8 byte order, set elements sorted: SS by UTF-8 bytes, NS by value,
 * BS by unsigned bytes).
 */
final class TypedJsonWriter {
    private final JsonGenerator g;
    private final boolean canonical;

    TypedJsonWriter(JsonGenerator g, boolean canonical) {
        this.g = g;
        this.canonical = canonical;
    }

    void writeItem(Map<String, AttributeValue> item) throws IOException {
        g.writeStartObject();
        if (canonical) {
            List<String> names = new ArrayList<>(item.keySet());
            names.sort(Utf8.ORDER);
            for (String name : names) {
                g.writeFieldName(name);
                writeValue(item.get(name));
            }
        } else {
            for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
                g.writeFieldName(attribute.getKey());
                writeValue(attribute.getValue());
            }
        }
        g.writeEndObject();
    }

    void writeValue(AttributeValue value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(value.type());
        if (value instanceof AttributeValue.S s) {
            g.writeString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            g.writeString(n.value().toPlainString()); // N holds it normalized
        } else if (value instanceof AttributeValue.B b) {
            g.writeString(b.value().toBase64());
        } else if (value instanceof AttributeValue.Bool bool) {
            g.writeBoolean(bool.value());
        } else if (value instanceof AttributeValue.Null) {
            g.writeBoolean(true);
        } else if (value instanceof AttributeValue.M m) {
            writeItem(m.value());
        } else if (value instanceof AttributeValue.L l) {
            g.writeStartArray();
            for (AttributeValue element : l.value()) {
                writeValue(element);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.SS ss) {
            g.writeStartArray();
            for (String element : ordered(ss.value())) {
                g.writeString(element);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.NS ns) {
            g.writeStartArray();
            for (BigDecimal element : ordered(ns.value())) {
                g.writeString(element.toPlainString());
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.BS bs) {
            g.writeStartArray();
            for (Bytes element : ordered(bs.value())) {
                g.writeString(element.toBase64());
            }
            g.writeEndArray();
        } else {
            throw new AssertionError("unknown attribute value " + value);
        }
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private <T> Collection<T> ordered(Collection<T> elements) {
        if (!canonical || elements.size() < 2) {
            return elements;
        }
        List<T> sorted = new ArrayList<>(elements);
        T first = sorted.get(0);
        if (first instanceof String) {
            ((List<String>) sorted).sort(Utf8.ORDER);
        } else {
            ((List<Comparable<Object>>) sorted).sort(null);
        }
        return sorted;
    }
}

package com.canon.cps.contract.test;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The layout of the checked-in JSON files: two-space indent, one property per line, arrays of plain values on one
 * line ({@code "type": ["string", "null"]}), a final newline.
 */
public final class PrettyJson {

    private PrettyJson() {}

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            String inner = indent + "  ";
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append(inner)
                        .append(RecordSchemas.JSON.stringNode(e.getKey()))
                        .append(": ");
                write(e.getValue(), inner, out);
            }
            out.append('\n').append(indent).append('}');
        } else if (node.isArray()) {
            boolean plain = true;
            for (JsonNode element : node) {
                plain &= element.isValueNode();
            }
            if (plain) {
                out.append('[');
                boolean first = true;
                for (JsonNode element : node) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    out.append(element);
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            String inner = indent + "  ";
            boolean first = true;
            for (JsonNode element : node) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append(inner);
                write(element, inner, out);
            }
            out.append('\n').append(indent).append(']');
        } else {
            out.append(node);
        }
    }
}

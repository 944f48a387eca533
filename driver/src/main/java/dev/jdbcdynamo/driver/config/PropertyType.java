package dev.jdbcdynamo.driver.config;

import java.util.List;
import java.util.Locale;

/** The type of a connection property: how its text is parsed, and what it accepts. */
public sealed interface PropertyType {
    /** The value of {@code text} (trimmed, not empty), or null when this type does not accept it. */
    Object parse(String text);

    /** The accepted values, as an error message and tools show them. */
    String accepted();

    /** The choices a tool offers in a list, or an empty list when the value is free. */
    default List<String> choices() {
        return List.of();
    }

    /** An integer between {@code min} and {@code max}, both included. */
    record IntRange(int min, int max) implements PropertyType {
        @Override
        public Object parse(String text) {
            try {
                int value = Integer.parseInt(text);
                return value < min || value > max ? null : value;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String accepted() {
            return max == Integer.MAX_VALUE ? "an integer from " + min : "an integer from " + min + " to " + max;
        }
    }

    /** true or false, in any case; nothing else (a 1 or a yes is a mistake worth telling). */
    record Bool() implements PropertyType {
        @Override
        public Object parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }

        @Override
        public String accepted() {
            return "true or false";
        }

        @Override
        public List<String> choices() {
            return List.of("true", "false");
        }
    }

    /** One of a few words, in any case; the value is the word as declared. */
    record Choice(List<String> words) implements PropertyType {
        public Choice {
            words = List.copyOf(words);
        }

        @Override
        public Object parse(String text) {
            return words.stream().filter(w -> w.equalsIgnoreCase(text)).findFirst().orElse(null);
        }

        @Override
        public String accepted() {
            return "one of " + String.join(", ", words);
        }

        @Override
        public List<String> choices() {
            return words;
        }
    }

    /** Any text. */
    record Text() implements PropertyType {
        @Override
        public Object parse(String text) {
            return text;
        }

        @Override
        public String accepted() {
            return "any text";
        }
    }
}

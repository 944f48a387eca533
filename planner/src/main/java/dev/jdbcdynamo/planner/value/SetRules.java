package dev.jdbcdynamo.planner.value;

/** DynamoDB's rules for SS, NS and BS values: at least one element, no duplicates. */
final class SetRules {
    private SetRules() {
    }

    /** DynamoDB's message for an empty set of the given type (its wording, double space included). */
    static String emptyMessage(String type) {
        return switch (type) {
            case "SS" -> "One or more parameter values were invalid: An string set  may not be empty";
            case "NS" -> "One or more parameter values were invalid: An number set  may not be empty";
            case "BS" -> "One or more parameter values were invalid: Binary sets should not be empty";
            default -> throw new AssertionError("not a set type: " + type);
        };
    }

    /** The message for a set with an element twice (2 and 2.0 are the same number). */
    static String duplicatesMessage(String type) {
        return "One or more parameter values were invalid: Input collection of type " + type + " contains duplicates";
    }
}

package dev.assay.suite;

/** The JSON shape of a kwarg, one per {@link dev.assay.model.KwargReader} accessor. */
enum KwargType {
    STRING("a string"),
    SCALAR("a number, string or boolean"),
    BOOLEAN("true or false"),
    NUMBER("a number"),
    INTEGER("a whole number"),
    STRINGS("a list of strings"),
    SCALARS("a list of numbers, strings or booleans"),
    SCALAR_LISTS("a list of lists of numbers, strings or booleans"),
    OBJECT("an object");

    private final String description;

    KwargType(String description) {
        this.description = description;
    }

    /** What a value of this type is, for messages: {@code "a list of strings"}. */
    String description() {
        return description;
    }
}

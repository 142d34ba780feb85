"""Field resolvers: one pure function per field, from a parsed announcement to candidates."""

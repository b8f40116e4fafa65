"""Reading the policy: the file with positions, the model, validation, the schema."""

"""JSON Schemas of the output."""

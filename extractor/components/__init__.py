"""spaCy components that put candidate spans into doc.spans."""

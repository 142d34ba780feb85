"""Readers: bytes to text to event views, with no NLP."""

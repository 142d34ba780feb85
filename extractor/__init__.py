"""Turn talk announcements into structured, validated records."""

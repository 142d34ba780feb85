"""Rule data of the pipeline: label spellings, cue patterns, gazetteers and settings."""

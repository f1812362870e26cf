"""Text: cleaning with raw offsets, sentences and tokens, quotation marks, proper names."""

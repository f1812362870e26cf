"""Tables: an event's measures laid out and written as the processed tables."""

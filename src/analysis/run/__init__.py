"""Run: executing the notebooks per event (papermill), the output lock, the notebook files."""

"""Services between the UI and the model: files, settings, user data, exports."""

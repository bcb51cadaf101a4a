"""The Qt front end. The only layer that imports PySide6."""

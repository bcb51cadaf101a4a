"""`python -m kotacerdas_desktop` runs the same command as `kotacerdas`."""

from kotacerdas_desktop.cli import main

raise SystemExit(main())

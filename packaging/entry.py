"""PyInstaller entry point: the same `main` as the `testimony` console script (and the
vault's encrypting child process, which this same binary runs for large attachments)."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--age-encrypt-child"]:  # the vault's encrypting child (agechild.py)
        from desktop.core.agechild import child_main

        sys.exit(child_main(sys.argv[2:]))
    from desktop.cli import main

    sys.exit(main())

"""Writer process for the crash test: saves records until killed.

Prints "ACK <id>" only after add_record has returned, i.e. after the commit.
"""

import os
import sys

from desktop.core.vault import Vault

vault = Vault.unlock(sys.argv[1], passphrase=sys.argv[2])
sys.stdout.write("READY\n")  # unlocked: from here on the kill lands mid-write
sys.stdout.flush()
n = 0
while True:
    n += 1
    narrative = f"Record {n} from pid {os.getpid()}. " + "They opened fire near the mosque. " * 40
    rid = vault.add_record("eyewitness", "1", {"narrative": narrative}, {"name": f"Witness {n}"})
    if n % 3 == 0:
        vault.revise_record(rid, {"narrative": narrative + " (corrected)"}, {"name": f"Witness {n}"})
    vault.save_draft("eyewitness", "1", {"narrative": narrative})
    sys.stdout.write(f"ACK {rid}\n")
    sys.stdout.flush()

/** The words of the person page's ledger section (English). */
export const ledgerEn = {
  'proofs.title': 'Ledger entries and proofs',
  'proofs.intro':
    'Every ledger entry about this person that you may see, with the proof that it is in the ledger. You can check each proof yourself, without trusting this installation.',
  'proofs.witnessed':
    'Proofs against the checkpoint of {size} entries, cosigned by at least {quorum} independent witness(es).',
  'proofs.notWitnessed':
    'No checkpoint is witnessed yet: these proofs are against the newest signed checkpoint of {size} entries, which no witness has cosigned. Come back once a witness has cosigned one.',
  'proofs.newer':
    '{n} entries are newer than this checkpoint: their proofs come with the next witnessed checkpoint.',
  'proofs.none': 'The ledger holds no entry about this person that you may see.',
  'proofs.status': '{n} ledger entries about this person.',
  'proofs.caption': 'Ledger entries about this person, oldest first',
  'proofs.index': 'Index',
  'proofs.type': 'Event',
  'proofs.recordedAt': 'Recorded',
  'proofs.leafHash': 'Leaf hash (SHA-256)',
  'proofs.proof': 'Proof',
  'proofs.downloadEntry': 'Proof of entry {index} (JSON)',
  'proofs.notYet': 'With the next checkpoint',
  'proofs.downloadAll': 'Download every proof (JSON)',
  'proofs.downloadNote': 'Download the checkpoint (signed note)',
  'proofs.verifyTitle': 'How to check a proof yourself',
  'proofs.verify1':
    'Get the installation’s verifier key from the installation itself (/api/v1/public/verifier-key, or custodia ledger key), and each witness’s key from whoever runs it. Do not take keys from this page.',
  'proofs.verify2':
    'Check the checkpoint: its signature with the installation’s key and each cosignature with its witness’s key (C2SP signed-note and tlog-cosignature; Go’s golang.org/x/mod/sumdb/note opens it).',
  'proofs.verify3':
    'For each entry, compute the root from its leaf hash and its proof as RFC 9162, section 2.1.3.2 says (transparency-dev/merkle’s proof.VerifyInclusion does it) and compare it with the checkpoint’s root.',
  'proofs.verify4':
    'The entry’s text is not shown here: it can hold details your role may not see. Whoever holds it (from the installation’s export) checks that SHA-256 of a zero byte followed by the text is the leaf hash.',
  'proofs.verify5':
    'Later, check that a newer checkpoint extends this one: the public hash tiles (/tlog/tile) give the consistency proof. The repository’s test/independent/person_proofs_checker.py checks a downloaded file with the Python standard library alone.',
} as const;

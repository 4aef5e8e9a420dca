// Does a drug being prescribed match a recorded allergy? By name (either
// contains the other, ignoring case) or through a small table of drug classes
// whose members share the allergen (penicillins, NSAIDs, opioids, sulfonamides,
// cephalosporins). A warning, not a block: the doctor may go on after
// acknowledging it.
const CLASSES: Record<string, readonly string[]> = {
  penicillin: [
    'amoxicillin',
    'ampicillin',
    'flucloxacillin',
    'phenoxymethylpenicillin',
    'benzylpenicillin',
    'piperacillin',
    'co-amoxiclav',
    'augmentin',
  ],
  aspirin: ['ibuprofen', 'naproxen', 'diclofenac', 'ketoprofen', 'celecoxib', 'acetylsalicylic'],
  nsaid: ['ibuprofen', 'naproxen', 'diclofenac', 'ketoprofen', 'celecoxib', 'aspirin'],
  codeine: ['morphine', 'dihydrocodeine', 'co-codamol', 'oxycodone', 'tramadol'],
  sulfonamide: ['sulfamethoxazole', 'co-trimoxazole', 'sulfasalazine'],
  cephalosporin: ['cefalexin', 'cefuroxime', 'ceftriaxone', 'cefixime'],
};

const norm = (s: string) => s.trim().toLowerCase();

/** The recorded substances that `drug` matches (empty: no warning). */
export function allergyMatches(drug: string, substances: readonly string[]): string[] {
  const d = norm(drug);
  if (d === '') return [];
  return substances.filter((substance) => {
    const s = norm(substance);
    if (s === '') return false;
    if (d.includes(s) || s.includes(d.split(/\s+/)[0] ?? d)) return true;
    return Object.entries(CLASSES).some(
      ([allergen, members]) => s.includes(allergen) && members.some((m) => d.includes(m)),
    );
  });
}

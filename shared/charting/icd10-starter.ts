// A starter list of common primary-care ICD-10 codes, searched offline as the
// doctor types (code prefix, or every word of the query starting a word of the
// description). The core loads it into each workstation's code list
// (electron/core/store/icd10-codes.ts), searched through an FTS index, on top of
// which `ehrbs codes import` loads the official ICD-10-CM order file.
// prettier-ignore
export const ICD10_STARTER: readonly (readonly [string, string])[] = [
  ['A09', 'Infectious gastroenteritis and colitis'], ['B34.9', 'Viral infection, unspecified'],
  ['D64.9', 'Anaemia, unspecified'], ['E03.9', 'Hypothyroidism, unspecified'],
  ['E05.9', 'Thyrotoxicosis, unspecified'], ['E11.9', 'Type 2 diabetes mellitus without complications'],
  ['E66.9', 'Obesity, unspecified'], ['E78.5', 'Hyperlipidaemia, unspecified'],
  ['F32.9', 'Depressive episode, unspecified'], ['F41.1', 'Generalised anxiety disorder'],
  ['F41.9', 'Anxiety disorder, unspecified'], ['G43.9', 'Migraine, unspecified'],
  ['G44.2', 'Tension-type headache'], ['G47.0', 'Insomnia'],
  ['H10.9', 'Conjunctivitis, unspecified'], ['H66.9', 'Otitis media, unspecified'],
  ['I10', 'Essential (primary) hypertension'], ['I20.9', 'Angina pectoris, unspecified'],
  ['I25.1', 'Atherosclerotic heart disease'], ['I48.9', 'Atrial fibrillation and flutter, unspecified'],
  ['I50.9', 'Heart failure, unspecified'], ['I83.9', 'Varicose veins of lower extremities'],
  ['J01.9', 'Acute sinusitis, unspecified'], ['J02.9', 'Acute pharyngitis, unspecified'],
  ['J03.9', 'Acute tonsillitis, unspecified'], ['J06.9', 'Acute upper respiratory infection, unspecified'],
  ['J11.1', 'Influenza with other respiratory manifestations'], ['J18.9', 'Pneumonia, unspecified'],
  ['J20.9', 'Acute bronchitis, unspecified'], ['J30.4', 'Allergic rhinitis, unspecified'],
  ['J44.9', 'Chronic obstructive pulmonary disease, unspecified'], ['J45.9', 'Asthma, unspecified'],
  ['K21.9', 'Gastro-oesophageal reflux disease without oesophagitis'], ['K29.7', 'Gastritis, unspecified'],
  ['K52.9', 'Noninfective gastroenteritis and colitis, unspecified'], ['K58.9', 'Irritable bowel syndrome without diarrhoea'],
  ['K59.0', 'Constipation'], ['L20.9', 'Atopic dermatitis, unspecified'],
  ['L23.9', 'Allergic contact dermatitis, unspecified cause'], ['L40.0', 'Psoriasis vulgaris'],
  ['L70.0', 'Acne vulgaris'], ['M10.0', 'Idiopathic gout'], ['M10.9', 'Gout, unspecified'],
  ['M17.1', 'Other primary osteoarthritis of knee'], ['M25.5', 'Pain in joint'],
  ['M54.2', 'Cervicalgia'], ['M54.5', 'Low back pain'],
  ['M79.1', 'Myalgia'], ['N39.0', 'Urinary tract infection, site not specified'],
  ['N76.0', 'Acute vaginitis'], ['R05', 'Cough'],
  ['R10.4', 'Other and unspecified abdominal pain'], ['R11', 'Nausea and vomiting'],
  ['R50.9', 'Fever, unspecified'], ['R51', 'Headache'],
  ['R53', 'Malaise and fatigue'], ['R07.4', 'Chest pain, unspecified'],
  ['R42', 'Dizziness and giddiness'], ['Z00.0', 'General adult medical examination'],
  ['Z23', 'Encounter for immunisation'], ['Z30.0', 'General counselling and advice on contraception'],
];

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);

/** Codes whose code starts with the query, or whose description has a word starting with each query word. */
export function searchIcd10(query: string, limit = 8): { code: string; description: string }[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const qWords = words(q);
  const out: { code: string; description: string }[] = [];
  for (const [code, description] of ICD10_STARTER) {
    const byCode = code.toLowerCase().startsWith(q);
    const dWords = words(description);
    const byText = qWords.every((w) => dWords.some((d) => d.startsWith(w)));
    if (byCode || byText) out.push({ code, description });
    if (out.length >= limit) break;
  }
  return out;
}

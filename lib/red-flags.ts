/** Warning signs printed on every handout (DOMAIN.md, "A red-flag box"), in plain words. */
export const redFlags = [
  "You have new trouble controlling your bladder or bowels.",
  "You feel numb around your groin, inner thighs or buttocks.",
  "Your leg feels weaker, and it is getting worse.",
  "You have a fever along with back pain.",
  "Your pain started after a fall or an accident.",
  "Pain keeps you awake at night and is getting worse.",
] as const;

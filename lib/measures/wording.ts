/**
 * Patient-facing wording written for Stride in plain language (not the
 * published wording). The Roland-Morris statements are Stride's own
 * paraphrases of what each of the 24 statements asks about; the scoring
 * (one point per ticked statement) is unchanged.
 */
export const nprsWording = {
  question: "How bad has your pain been over the last day?",
  scale: "0 means no pain at all. 10 means the worst pain you can imagine.",
};

export const psfsWording = {
  intro:
    "Name up to 5 everyday things that are hard for you because of your problem, for example lifting your child or sitting through a film. For each one, say how well you can do it today.",
  scale: "0 means you cannot do it at all. 10 means you can do it as well as before the problem started.",
};

export const pegWording = {
  pain: "Over the past week, what was your pain on average? (0 = no pain, 10 = as bad as you can imagine)",
  enjoyment: "Over the past week, how much did pain get in the way of enjoying life? (0 = not at all, 10 = completely)",
  activity: "Over the past week, how much did pain get in the way of your day-to-day activities? (0 = not at all, 10 = completely)",
} as const;

export const rmdqWording = {
  intro: "Tick each sentence that is true for you today because of your back. Leave the others blank.",
  statements: [
    "I stay at home more than usual.",
    "I keep moving around to find a position that is comfortable.",
    "I walk more slowly than usual.",
    "I am not doing the jobs around the house that I usually do.",
    "I hold on to the rail to go up stairs.",
    "I lie down to rest more often than usual.",
    "I need to hold on to something to get up from a soft chair.",
    "I ask other people to do things for me.",
    "Getting dressed takes me longer than usual.",
    "I can only stand for a short time.",
    "I try not to bend down or kneel.",
    "Getting up from a chair is hard.",
    "My back hurts nearly all the time.",
    "Turning over in bed is hard.",
    "I do not feel like eating much.",
    "Putting on socks or tights is hard.",
    "I can only walk a short way.",
    "I sleep worse than usual.",
    "I need help to get dressed.",
    "I sit down for most of the day.",
    "I stay away from heavy jobs around the house.",
    "I get cross or short-tempered with people more easily.",
    "I go up stairs more slowly than usual.",
    "I stay in bed for most of the day.",
  ],
} as const;

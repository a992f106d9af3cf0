import type { LibrarySeedEntry } from "@/lib/library";

/**
 * Starter library: walking programs, clinic visits and education tips for
 * low-back and neck pain. All text written for Stride in plain language
 * (reading grade 6-8).
 */
export const walkingVisitEducationEntries: LibrarySeedEntry[] = [
  // ---------------------------------------------------------------- walking
  {
    slug: "steady-walk",
    name: "Steady daily walk",
    category: "walking",
    bodyRegions: ["low-back", "legs", "whole-body"],
    summary: "A regular walk at a comfortable pace that slowly gets longer, to ease back pain and keep you moving.",
    steps: [
      "Put on comfortable shoes with good support. Pick a flat, safe route to start.",
      "Walk at a pace where you can talk but could not sing. This is called the talk test.",
      "Stand tall and let your arms swing. Take easy, even steps.",
      "Walk for the number of minutes on your plan. Slow down for the last minute or two.",
      "Add a few minutes each week, as your plan says, until you reach your longest walk.",
    ],
    cautions: [
      "Stop if pain spreads down your leg or you feel numbness or tingling.",
      "Stop and rest if you feel chest pain, dizziness or very short of breath. Call 911 if chest pain does not ease with rest.",
      "On a bad day, take a shorter walk instead of skipping it.",
    ],
    defaultDose: {
      minutes: 10,
      sessionsPerDay: 1,
      daysPerWeek: 5,
      intensity: "talk-test",
      rpe: null,
      stepMinutes: 5,
      capMinutes: 30,
      note: "Start on flat ground in supportive shoes.",
    },
    illustration: "steady-walk.svg",
    illustrationAlt:
      "A person walking upright in an easy stride, arms swinging, with a small speech bubble to show they can still talk.",
  },
  {
    slug: "interval-walk",
    name: "Interval walk",
    category: "walking",
    bodyRegions: ["low-back", "legs", "whole-body"],
    summary: "Mixes easy minutes with brisker minutes to build your fitness without wearing out your back.",
    steps: [
      "Warm up with 3 to 5 minutes of easy walking.",
      "Walk faster for 1 minute. You should breathe harder but still be able to say a few words.",
      "Slow back down to an easy pace for 2 minutes to catch your breath.",
      "Keep switching between the fast minute and the easy minutes until your time is up.",
      "Cool down with a few minutes of easy walking.",
    ],
    cautions: [
      "Stop if pain spreads down your leg or you feel numbness or tingling.",
      "Stop and rest if you feel chest pain, dizziness or very short of breath. Call 911 if chest pain does not ease with rest.",
      "Speed up with quicker steps, not with very long strides.",
    ],
    defaultDose: {
      minutes: 20,
      sessionsPerDay: 1,
      daysPerWeek: 3,
      intensity: "rpe",
      rpe: 6,
      stepMinutes: 3,
      capMinutes: 30,
      note: "Brisk minutes at about 6 out of 10 effort, easy minutes at about 3. Start once a 20-minute steady walk feels easy.",
    },
    illustration: "interval-walk.svg",
    illustrationAlt:
      "Two panels. Easy: a person walking upright with short steps. Brisk: the same person walking faster with a longer step and bent, swinging arms.",
  },
  {
    slug: "sitting-break-walk",
    name: "Sitting-break walk",
    category: "walking",
    bodyRegions: ["low-back", "legs"],
    summary: "Short walks that break up long spells of sitting so your back does not get stiff.",
    steps: [
      "While you sit, set a timer to go off every 20 to 30 minutes.",
      "When it goes off, stand up. Push up with your legs, not your back.",
      "Walk for 2 to 3 minutes. Go down the hall, to get water, or around the room.",
      "Stand tall and roll your shoulders as you walk.",
      "Sit back down and start the timer again.",
    ],
    cautions: [
      "Stand up slowly if you feel dizzy when you get up.",
      "Stop if pain spreads down your leg.",
    ],
    defaultDose: {
      minutes: 3,
      sessionsPerDay: 8,
      daysPerWeek: 5,
      intensity: "talk-test",
      rpe: null,
      stepMinutes: null,
      capMinutes: null,
      note: "An easy pace is fine. Good for work days at a desk.",
    },
    illustration: "sitting-break-walk.svg",
    illustrationAlt:
      "Start: a person sitting in a desk chair at a desk. End: the person has stood up and is walking away from the chair.",
  },

  // ----------------------------------------------------------------- visits
  {
    slug: "chiropractic-adjustment",
    name: "Chiropractic adjustment",
    category: "visit",
    bodyRegions: ["low-back", "neck", "upper-back"],
    summary: "A visit where your chiropractor checks your spine and uses hands-on care to ease pain and stiffness.",
    steps: [
      "Wear loose, comfortable clothes you can move in. Bring a list of the medicines you take.",
      "Your chiropractor asks how you have been and checks how your back and neck move.",
      "You lie on a padded table. The chiropractor uses their hands to move stiff joints. This is called an adjustment, and you may hear a soft pop.",
      "Bring your exercise diary. You may go over your home exercises together.",
      "Before you leave, check the day and time of your next visit.",
    ],
    cautions: [
      "Tell your clinician if your pain has changed since the last visit.",
      "Call us before your visit if you have new numbness or tingling, or pain spreading down a leg.",
      "Call 911 or go to the emergency room now if you have new numbness in your groin, new weakness in both legs, or new trouble with your bladder or bowels.",
      "Speak up at once if anything hurts during treatment.",
    ],
    defaultDose: {
      visitType: "chiropractic-adjustment",
      spans: [
        { perWeek: 3, weeks: 2 },
        { perWeek: 2, weeks: 2 },
      ],
      note: "",
    },
    illustration: "chiropractic-adjustment.svg",
    illustrationAlt:
      "A person lying face down on a padded treatment table while a clinician's hands press gently on the low back.",
  },
  {
    slug: "physical-therapy-session",
    name: "Physical-therapy session",
    category: "visit",
    bodyRegions: ["low-back", "neck", "whole-body"],
    summary: "A visit where your physical therapist checks your progress, treats you and shows you the next steps in your exercises.",
    steps: [
      "Wear clothes you can exercise in, such as loose pants or shorts and sneakers.",
      "Bring your exercise sheet and diary so your therapist can see what you did at home.",
      "Your therapist asks how you feel and watches how you move.",
      "You may get hands-on treatment. Then you do exercises while your therapist coaches you.",
      "Before you leave, make sure you know which exercises to do at home and how many.",
    ],
    cautions: [
      "Tell your clinician if your pain has changed since the last visit.",
      "Say so if an exercise hurts. Your therapist can change it.",
    ],
    defaultDose: {
      visitType: "physical-therapy",
      spans: [{ perWeek: 2, weeks: 4 }],
      note: "",
    },
    illustration: "physical-therapy-session.svg",
    illustrationAlt:
      "A person pulls a stretchy band that is tied to a wall, with elbows bent back, while a therapist stands nearby and points to coach them.",
  },
  {
    slug: "re-assessment-visit",
    name: "Re-assessment visit",
    category: "visit",
    bodyRegions: ["low-back", "neck", "whole-body"],
    summary: "A check-up visit to measure your progress and decide the next step in your plan.",
    steps: [
      "Wear clothes you can move in, because your clinician will test how you move.",
      "Bring your exercise diary and a list of daily tasks that are still hard for you.",
      "Your clinician measures how far you can bend and turn and checks your strength.",
      "You talk about your goal and how close you are to reaching it.",
      "Together you choose what comes next: more visits, fewer visits, or a home plan on your own.",
    ],
    cautions: [
      "Tell your clinician if your pain has changed since the last visit.",
      "Tell them about any falls, new symptoms or new medicines.",
    ],
    defaultDose: {
      visitType: "re-assessment",
      spans: [{ perWeek: 1, weeks: 1 }],
      note: "",
    },
    illustration: "re-assessment-visit.svg",
    illustrationAlt:
      "A person stands and raises one arm up in front while a curved scale measures how far it goes. A clinician holding a clipboard writes down the result.",
  },
  {
    slug: "massage-therapy-visit",
    name: "Massage therapy visit",
    category: "visit",
    bodyRegions: ["low-back", "neck", "shoulders"],
    summary: "A visit where a massage therapist works on tight muscles to help you relax and move more easily.",
    steps: [
      "Wear or bring loose clothes. You stay covered with a sheet or towel on the table.",
      "Tell your therapist where it hurts and what you would like help with.",
      "You lie on a padded table, face down or face up. Your therapist uses their hands to press and glide over tight muscles.",
      "Say if the pressure is too firm or too light. It should feel firm but never sharp.",
      "Get up slowly after the visit. A short, easy walk afterward can help.",
    ],
    cautions: [
      "Tell your clinician if your pain has changed since the last visit.",
      "Tell your therapist if you take blood thinners or bruise easily.",
      "Ask them to stop at once if the pressure feels sharp or too painful.",
    ],
    defaultDose: {
      visitType: "massage",
      spans: [{ perWeek: 1, weeks: 4 }],
      note: "",
    },
    illustration: "massage-therapy-visit.svg",
    illustrationAlt:
      "A person lies face down on a massage table with a towel over the legs and a roll under the ankles. A therapist at the head end glides both hands along the back.",
  },

  // -------------------------------------------------------------- education
  {
    slug: "supportive-footwear",
    name: "Supportive footwear",
    category: "education",
    bodyRegions: ["legs", "low-back"],
    summary: "Good walking shoes make walking more comfortable and easier on your back.",
    steps: [
      "Pick shoes with a firm back that holds your heel in place.",
      "Look for support under the arch of your foot and a cushioned sole.",
      "The shoe should bend at the toes, not in the middle.",
      "Leave about a thumb's width of space in front of your longest toe.",
      "Replace walking shoes when the soles wear thin or start to lean to one side.",
    ],
    cautions: [
      "Avoid high heels and floppy shoes, like flip-flops, for long walks.",
      "Break in new shoes with short walks first.",
    ],
    defaultDose: { note: "" },
    illustration: "supportive-footwear.svg",
    illustrationAlt:
      "A walking shoe seen from the side, with labels pointing to the firm heel, the arch support inside, and the bend at the toes.",
  },
  {
    slug: "sitting-set-up",
    name: "Sitting set-up",
    category: "education",
    bodyRegions: ["low-back", "neck", "shoulders"],
    summary: "How to set up your chair, desk and screen so you sit with less strain on your back and neck.",
    steps: [
      "Sit all the way back in your chair. Put a small cushion or rolled towel behind your low back.",
      "Rest your feet flat on the floor or on a footrest. Keep your knees about level with your hips.",
      "Keep your elbows close to your sides and bent like the letter L.",
      "Set the top of your screen at about eye level and about an arm's length away.",
      "Keep your keyboard and mouse close so you do not reach forward.",
    ],
    cautions: [
      "Even a good chair cannot undo hours of sitting. Get up and move often.",
      "If you use a laptop for long, raise it on a stand and use a separate keyboard.",
    ],
    defaultDose: { note: "" },
    illustration: "sitting-set-up.svg",
    illustrationAlt:
      "A person sits upright in a desk chair with feet flat, elbows bent at the desk, and eyes level with the top of the screen.",
  },
  {
    slug: "safe-lifting",
    name: "Safe lifting",
    category: "education",
    bodyRegions: ["low-back", "legs"],
    summary: "Ways to lift things so your legs do the work and your back is protected.",
    steps: [
      "Stand close to the object with your feet about hip-width apart.",
      "Bend your hips and knees to squat down. Keep your back long and straight.",
      "Hold the object close to your body and tighten your stomach muscles.",
      "Push up through your legs to stand. Breathe out as you lift.",
      "To turn, move your feet. Do not twist your back.",
    ],
    cautions: [
      "Ask for help, or use a cart, for heavy or awkward loads.",
      "Stop if lifting causes sharp pain or pain that spreads down your leg.",
    ],
    defaultDose: { note: "" },
    illustration: "safe-lifting.svg",
    illustrationAlt:
      "Start: a person squats with a straight back and holds a box on the floor. End: the person stands tall, holding the box close to the body.",
  },
  {
    slug: "sleep-positions",
    name: "Sleep positions",
    category: "education",
    bodyRegions: ["low-back", "neck"],
    summary: "Pillow set-ups that help keep your spine in a comfortable line while you sleep.",
    steps: [
      "On your side: bend your knees a little and put a pillow between them.",
      "On your back: put a pillow under your knees.",
      "Use a head pillow that keeps your neck level, not bent up or down.",
      "To get out of bed, roll onto your side, swing your legs over the edge and push up with your arms.",
      "Try a new position for a few nights before you decide if it helps.",
    ],
    cautions: [
      "Call us today if pain at night keeps getting worse.",
      "Sit on the edge of the bed for a moment before you stand up.",
    ],
    defaultDose: { note: "" },
    illustration: "sleep-positions.svg",
    illustrationAlt:
      "Two panels. Side: a person lies on their side in bed with knees bent and a pillow between the knees. Back: a person lies on their back with a pillow under the head and another under the knees.",
  },
  {
    slug: "sitting-breaks",
    name: "Sitting breaks",
    category: "education",
    bodyRegions: ["low-back", "whole-body"],
    summary: "Why getting up from your chair often helps your back feel less stiff.",
    steps: [
      "Your back gets stiff when it stays in one position for a long time. Moving often helps.",
      "Stand up every 20 to 30 minutes, even if only for a minute or two.",
      "Set a timer on your phone or computer to remind you.",
      "Stand for phone calls, or walk over to talk to someone instead of sending a message.",
      "Any movement counts. Stand tall, reach up, or walk around the room.",
    ],
    cautions: ["Stand up slowly if you feel dizzy."],
    defaultDose: { note: "" },
    illustration: "sitting-breaks.svg",
    illustrationAlt:
      "A clock showing a half-hour mark next to an empty chair, and a person standing beside it reaching both arms up.",
  },
  {
    slug: "staying-active-with-pain",
    name: "Staying active with pain",
    category: "education",
    bodyRegions: ["low-back", "neck", "whole-body"],
    summary: "Why gentle movement helps back and neck pain get better, and how to tell hurt from harm.",
    steps: [
      "Back and neck pain often gets better sooner when you keep moving. Long bed rest tends to slow things down.",
      "Hurt does not always mean harm. Sore, stiff muscles are common and are not a sign of damage.",
      "Some pain while you move is OK if it stays mild, about 3 or 4 out of 10, and settles by the next day.",
      "On a bad day, do less but do not stop. Take a shorter walk or do gentler moves.",
      "Add a little more activity each week as you feel able.",
    ],
    cautions: [
      "Call 911 or go to the emergency room now if you have new trouble with your bladder or bowels, new numbness in your groin, or new weakness in both legs.",
      "Call us today if your pain keeps getting worse day after day.",
    ],
    defaultDose: { note: "" },
    illustration: "staying-active-with-pain.svg",
    illustrationAlt:
      "A person out for a gentle walk with a dog, next to a 0 to 10 pain scale with the low, mild part marked as OK.",
  },
  {
    slug: "heat-and-ice",
    name: "Heat and ice",
    category: "education",
    bodyRegions: ["low-back", "neck"],
    summary: "How to use a warm pack or a cold pack at home to ease pain and stiffness.",
    steps: [
      "Heat can relax stiff, tight muscles. Try a warm pack or a warm shower.",
      "Cold can calm a sudden flare-up of pain. Try a cold pack or a bag of frozen peas.",
      "Use heat for 15 to 20 minutes at a time. Use cold for 10 to 15 minutes at a time.",
      "Always put a thin towel between the pack and your skin.",
      "Use whichever one feels better to you. Then move gently.",
    ],
    cautions: [
      "Check your skin every few minutes. Stop if it turns very red, white or blotchy.",
      "Do not fall asleep with a heat pack on.",
      "Ask your clinician first if you have diabetes or poor feeling in your skin.",
    ],
    defaultDose: { note: "" },
    illustration: "heat-and-ice.svg",
    illustrationAlt:
      "Two panels. Heat: a person lies face down with a warm pack, shown with wavy lines, on the low back. Ice: the same position with a cold pack, shown with a snowflake, on the low back.",
  },
  {
    slug: "pacing-activities",
    name: "Pacing activities",
    category: "education",
    bodyRegions: ["low-back", "whole-body"],
    summary: "Break big jobs into smaller parts with short rests so you get things done without a flare-up.",
    steps: [
      "Split big jobs into small parts. Vacuum one room, then take a break.",
      "Work for a set time, such as 15 to 20 minutes. Then rest or change position for a few minutes.",
      "Switch between jobs that use your body in different ways, like standing jobs and sitting jobs.",
      "Keep a steady pace on good days too. Doing too much on a good day can lead to a bad one.",
      "Slowly add time to each part as you get stronger.",
    ],
    cautions: ["Stop and rest if pain builds during a task. Do not push through it."],
    defaultDose: { note: "" },
    illustration: "pacing-activities.svg",
    illustrationAlt:
      "Two panels. Work: a person stands upright pushing a vacuum. Rest: the same person sits in a chair for a short break, with a small timer beside them.",
  },
];

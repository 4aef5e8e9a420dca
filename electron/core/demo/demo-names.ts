// Word lists for demo patients: a mix of names heard in a British city practice.
// All people and addresses are invented; phone numbers come from Ofcom's ranges
// reserved for drama (they never reach a real subscriber).

// prettier-ignore
export const FEMALE_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Ivy', 'Freya', 'Lily', 'Florence', 'Mia', 'Willow',
  'Rosie', 'Sophia', 'Isabella', 'Grace', 'Daisy', 'Sienna', 'Poppy', 'Elsie', 'Emily', 'Ella',
  'Evelyn', 'Phoebe', 'Sofia', 'Evie', 'Charlotte', 'Harper', 'Matilda', 'Alice', 'Ruby', 'Chloe',
  'Aisha', 'Fatima', 'Maryam', 'Zara', 'Priya', 'Ananya', 'Mei', 'Yuki', 'Chiamaka', 'Ngozi',
  'Siobhan', 'Niamh', 'Aoife', 'Catrin', 'Eilidh', 'Margaret', 'Patricia', 'Jean', 'Susan', 'Helen',
  'Agnieszka', 'Katarzyna', 'Ioana', 'Lucia', 'Ines', 'Amara', 'Hannah', 'Leah', 'Sarah', 'Joanne',
] as const;

// prettier-ignore
export const MALE_NAMES = [
  'Muhammad', 'Noah', 'Oliver', 'George', 'Leo', 'Arthur', 'Oscar', 'Theodore', 'Freddie', 'Harry',
  'Jack', 'Archie', 'Henry', 'Charlie', 'Alfie', 'Thomas', 'William', 'Jacob', 'Isaac', 'Finley',
  'Samuel', 'Joshua', 'Daniel', 'James', 'Edward', 'Lucas', 'Max', 'Ethan', 'Reuben', 'Jude',
  'Ahmed', 'Omar', 'Yusuf', 'Ibrahim', 'Arjun', 'Rohan', 'Vikram', 'Wei', 'Kenji', 'Chidi',
  'Emeka', 'Kwame', 'Ciaran', 'Eoin', 'Rhys', 'Callum', 'Angus', 'David', 'Michael', 'Peter',
  'Piotr', 'Tomasz', 'Andrei', 'Mateo', 'Diego', 'Kofi', 'Nathan', 'Gareth', 'Stephen', 'Robert',
] as const;

// prettier-ignore
export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke',
  'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes',
  'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Khan',
  'Scott', 'Watson', 'Davis', 'Parker', 'James', 'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell',
  'Bailey', 'Carter', 'Cook', 'Singh', 'Shaw', 'Bell', 'Collins', 'Morgan', 'Kelly', 'Begum',
  'Miller', 'Cox', 'Marshall', 'Simpson', 'Anderson', 'Ellis', 'Adams', 'Ali', 'Hussain', 'Ahmed',
  'Murphy', "O'Brien", 'Kowalski', 'Nowak', 'Popescu', 'Okafor', 'Adeyemi', 'Mensah', 'Chen', 'Wang',
  'Nguyen', 'Tanaka', 'Sharma', 'Gupta', 'Chowdhury', 'Rahman', 'Fernandes', 'Silva', 'Rossi', 'Murray',
  'MacDonald', 'Campbell', 'Stewart', 'Reid', 'Fraser', 'Llewellyn', 'Pritchard', 'Ferguson', 'Byrne', 'Doyle',
] as const;

// prettier-ignore
export const STREETS = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road',
  'Park Avenue', 'Mill Lane', 'Kings Road', 'Queens Road', 'Grange Road', 'Elm Grove',
  'Albert Street', 'Chapel Street', 'Windsor Close', 'Orchard Way', 'The Crescent', 'Beech Drive',
] as const;

// prettier-ignore
export const TOWNS = [
  ['London', 'N'], ['London', 'SE'], ['Leeds', 'LS'], ['Manchester', 'M'], ['Bristol', 'BS'],
  ['Birmingham', 'B'], ['Sheffield', 'S'], ['Nottingham', 'NG'], ['Cardiff', 'CF'], ['Glasgow', 'G'],
] as const;

/** Ofcom drama ranges: a prefix, then the three or four digits that vary. */
// prettier-ignore
export const PHONE_RANGES = [
  ['07700 900', 3], ['0113 496 0', 3], ['0117 496 0', 3], ['0121 496 0', 3], ['0161 496 0', 3],
  ['020 7946 0', 3], ['0141 496 0', 3], ['029 2018 0', 3], ['01632 960', 3],
] as const;

// prettier-ignore
export const INSURERS = ['Bupa', 'AXA Health', 'Aviva', 'Vitality', 'WPA', 'Simplyhealth', 'Cigna'] as const;

// prettier-ignore
export const RELATIONSHIPS = ['Spouse', 'Partner', 'Mother', 'Father', 'Daughter', 'Son', 'Sister', 'Brother', 'Friend'] as const;

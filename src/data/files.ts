/** The contract files of a dataset folder (SPEC §2), in the order they are read. */
export const CSV_FILES = ['responses.csv', 'management.csv', 'standards.csv', 'operations.csv', 'contacts.csv', 'communications.csv', 'benchmarks.csv', 'employees.csv'] as const;
export const CONTRACT_FILES = ['questionnaire.yaml', ...CSV_FILES] as const;
export type ContractFile = (typeof CONTRACT_FILES)[number];

export function isContractFile(name: string): name is ContractFile {
  return (CONTRACT_FILES as readonly string[]).includes(name);
}

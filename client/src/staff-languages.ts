/** Staff languages (DOMAIN.md), in the order the interface offers them; English fills missing keys. Defined with the person languages in the contract. */
export { STAFF_LANGUAGES } from '@contracts/person/person-languages';

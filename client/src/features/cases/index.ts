export { refusalOf } from './grant-api';

/** Test data that is not a factory: a number that passes the eleven-test, as a BSN would. */
export const BSN = '111222333';

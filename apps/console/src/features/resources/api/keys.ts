export const resourceKeys = {
  teams: ['teams'] as const,
  warehouses: ['warehouses'] as const,
  shelters: ['shelters'] as const,
};

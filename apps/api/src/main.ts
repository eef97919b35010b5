// placeholder until the api bootstrap lands
export {};

/** Art. 30(1)(a): the controller's name and contact details head the record of processing activities. */
export interface ControllerSettings {
  name: string | null;
  contact: string | null;
}

export const CONTROLLER_SETTINGS = Symbol('CONTROLLER_SETTINGS');

const setting = (raw: string | undefined) => (raw === undefined || raw.trim() === '' ? null : raw.trim());

/** CONTROLLER_NAME and CONTROLLER_CONTACT (e.g. the DPO's address); absent ones are reported as such. */
export function loadControllerSettings(env: NodeJS.ProcessEnv = process.env): ControllerSettings {
  return { name: setting(env.CONTROLLER_NAME), contact: setting(env.CONTROLLER_CONTACT) };
}

import { Reflector } from '@nestjs/core';
import { hashApiKey } from './api-key';
import { ApiKeyRegistry } from './api-key-registry';
import { Public, Roles, routeAccessMemo } from './route-access';

describe('ApiKeyRegistry', () => {
  const registry = new ApiKeyRegistry([
    { name: 'crm-frontend', roles: ['crm'], sha256: hashApiKey('plk_crm') },
    { name: 'journeys', roles: ['journey', 'crm'], sha256: hashApiKey('plk_journey').toUpperCase() },
  ]);

  it('names the caller and its roles for a known key', () => {
    expect(registry.authenticate('plk_crm')).toEqual({ name: 'crm-frontend', roles: ['crm'] });
    expect(registry.authenticate('plk_journey')).toEqual({ name: 'journeys', roles: ['journey', 'crm'] });
  });

  it('knows nobody by an unknown key, a near miss or the stored hash itself', () => {
    expect(registry.authenticate('plk_cr')).toBeUndefined();
    expect(registry.authenticate(hashApiKey('plk_crm'))).toBeUndefined();
    expect(registry.authenticate('')).toBeUndefined();
  });
});

describe('routeAccessMemo', () => {
  @Roles('crm')
  class Controller {
    @Public() open() {}
    closed() {}
  }

  it('answers as readRouteAccess does, a method overriding its controller, reading metadata once', () => {
    const reflector = new Reflector();
    const read = jest.spyOn(reflector, 'getAllAndOverride');
    const access = routeAccessMemo(reflector);
    for (let i = 0; i < 3; i++) {
      expect(access(Controller.prototype.open, Controller)).toEqual({ kind: 'public' });
      expect(access(Controller.prototype.closed, Controller)).toEqual({ kind: 'roles', roles: ['crm'] });
    }
    expect(read).toHaveBeenCalledTimes(2);
  });
});

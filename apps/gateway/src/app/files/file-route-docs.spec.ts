import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { FILE_ROUTES } from './file-route-docs';
import { FilesController } from './files.controller';

describe('FILE_ROUTES', () => {
  it('lists exactly the routes FilesController mounts', () => {
    const base: string = Reflect.getMetadata(PATH_METADATA, FilesController);
    const proto = FilesController.prototype as unknown as Record<string, object>;
    const mounted = Object.getOwnPropertyNames(FilesController.prototype)
      .filter(
        (name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, proto[name]) !== undefined,
      )
      .map((name) => {
        const path: string = Reflect.getMetadata(PATH_METADATA, proto[name]);
        const method: RequestMethod = Reflect.getMetadata(METHOD_METADATA, proto[name]);
        return `${RequestMethod[method]} /api/v1/${base}${path === '/' ? '' : `/${path}`}`;
      });
    expect(mounted.sort()).toEqual(FILE_ROUTES.routes.map((d) => `${d.method} ${d.path}`).sort());
  });
});

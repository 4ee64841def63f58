/**
 * The part of multer (a dependency of @nestjs/platform-express, listed in package.json) that the
 * statement upload uses; multer ships no types of its own and @types/multer is not installed.
 */
declare module 'multer' {
  import type { Request, RequestHandler } from 'express';

  namespace multer {
    interface File {
      fieldname: string;
      originalname: string;
      encoding: string;
      mimetype: string;
      size: number;
      buffer: Buffer;
    }
    interface Limits {
      fieldNameSize?: number;
      fieldSize?: number;
      fields?: number;
      fileSize?: number;
      files?: number;
      parts?: number;
      headerPairs?: number;
    }
    interface StorageEngine {
      _handleFile(req: Request, file: File, cb: (error?: Error | null, info?: Partial<File>) => void): void;
      _removeFile(req: Request, file: File, cb: (error: Error | null) => void): void;
    }
    interface Options {
      storage?: StorageEngine;
      limits?: Limits;
    }
    interface Multer {
      single(fieldName: string): RequestHandler;
    }
    class MulterError extends Error {
      constructor(code: string, field?: string);
      code: string;
      field?: string;
    }
    function memoryStorage(): StorageEngine;
  }
  function multer(options?: multer.Options): multer.Multer;
  export = multer;
}

/** Stored chart images, so that any instance of the app can serve any image. */
import { Binary } from 'mongodb';
import type { Collections } from './collections.js';

/** A chart image to store under its token. */
export interface NewChartImage {
  token: string;
  tenant: string;
  png: Buffer;
  createdAt: Date;
  expiresAt: Date;
}

export interface ChartImageRepository {
  insert(image: NewChartImage): Promise<void>;
  /** The PNG bytes of a token's image, or null when unknown or expired at `now`. */
  findPng(token: string, now: Date): Promise<Buffer | null>;
  /** Deletes the images expired at `now`, for databases without TTL indexes. */
  deleteExpired(now: Date): Promise<number>;
}

export function createChartImageRepository(collections: Collections): ChartImageRepository {
  const { chartImages } = collections;

  return {
    async insert(image) {
      const { token, png, ...fields } = image;
      await chartImages.insertOne({ _id: token, png: new Binary(png), ...fields });
    },

    async findPng(token, now) {
      const found = await chartImages.findOne({ _id: token });
      // The TTL monitor deletes late, and the embedded database not at all.
      if (!found || found.expiresAt.getTime() <= now.getTime()) return null;
      return Buffer.from(found.png.buffer);
    },

    async deleteExpired(now) {
      const { deletedCount } = await chartImages.deleteMany({ expiresAt: { $lte: now } });
      return deletedCount;
    },
  };
}

# the tests map dma-bufs into an IOAS (IOMMU_IOAS_MAP_FILE) and bind cdevs
Jason Gunthorpe <jgg@nvidia.com>
Kevin Tian <kevin.tian@intel.com>
Yi Liu <yi.l.liu@intel.com>

# the cdev cases pin iommufd_ctx ownership (rule 3) and the IOMMU core's
# EPERM for a group whose DMA is owned elsewhere
Jason Gunthorpe <jgg@nvidia.com>
Kevin Tian <kevin.tian@intel.com>
Yi Liu <yi.l.liu@intel.com>
